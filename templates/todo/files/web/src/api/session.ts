/** The tokens of the signed-in user: what the OAuth token endpoint answered. */
export interface Session {
  accessToken: string;
  refreshToken: string;
}

const key = 'todo.session';

/**
 * Where the session is kept: localStorage, so that a reload or a new tab stays signed in. The price: a script
 * injected into the page could read it, which is why the app has a strict Content-Security-Policy (scripts from
 * this site only) and the access token expires within minutes. Read at every request, so a token changed
 * elsewhere (another tab, a test) is used at once.
 */
export const sessionStore = {
  load(): Session | null {
    try {
      const value = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<Session> | null;
      return value?.accessToken && value.refreshToken
        ? { accessToken: value.accessToken, refreshToken: value.refreshToken }
        : null;
    } catch {
      return null;
    }
  },
  save(session: Session): void {
    localStorage.setItem(key, JSON.stringify(session));
  },
  clear(): void {
    localStorage.removeItem(key);
  },
};

export type SessionStore = typeof sessionStore;
