export async function verify(input: { targets: string[]; keep: boolean; skip: string[] }): Promise<number> {
  console.log(input);
  return 1;
}
