/**
 * `npm run db:seed [-- --users 8 --photos 24]`: fills the site with people who follow each other, photos
 * (generated here: gradients made pixel by pixel, no network), tags, comments, collections and the notifications
 * they cause — all through the services, as the site itself would. An administrator "admin" is created when
 * there is none; its password is printed once. The book's `flask forge`.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { faker } from '@faker-js/faker';
import sharp from 'sharp';
import { z } from 'zod';
import { checkInput, runCommand } from './command.js';
import type { Services } from '../services/index.js';
import type { User } from '../db/schema/index.js';

const chinese = ['我的猫在睡觉', '城市的夜景很美', '海边的日落', '山上的雪', '小狗在草地上跑', '秋天的树叶'];
const tagWords = ['sunset', 'city', 'cat', 'nature', 'travel', 'street', '猫', '风景', 'portrait', 'food'];

/** A gradient between two random colours: a real JPEG of a few dozen KB, made without any file or network. */
export async function generatedPhoto(width = 1024, height = 768): Promise<Buffer> {
  const [a, b] = [faker.color.rgb({ format: 'decimal' }), faker.color.rgb({ format: 'decimal' })];
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      const offset = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) pixels[offset + c] = Math.round(a[c]! * (1 - t) + b[c]! * t);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

export interface SeedResult {
  users: number;
  photos: number;
  admin?: { username: string; password: string };
}

export async function seed(services: Services, userCount: number, photoCount: number): Promise<SeedResult> {
  const result: SeedResult = { users: 0, photos: 0 };
  let admin = await services.accounts.byUsername('admin').catch(() => undefined);
  if (!admin) {
    const password = randomBytes(9).toString('base64url');
    const created = await services.accounts.register(
      { username: 'admin', email: 'admin@example.com', name: 'Admin', password },
      { confirmed: true },
    );
    admin = await services.accounts.makeAdministrator(created, password);
    result.admin = { username: 'admin', password };
  }
  const people: User[] = [admin];
  for (let i = 0; i < userCount; i++) {
    const first = faker.person.firstName();
    const username = `${first.toLowerCase().replace(/[^a-z0-9]/g, '')}${randomBytes(2).toString('hex')}`;
    const user = await services.accounts.register(
      { username, email: `${username}@example.com`, name: first, password: randomBytes(12).toString('base64url') },
      { confirmed: true },
    );
    people.push(
      await services.accounts.updateProfile(user.id, {
        name: first,
        bio: faker.person.bio().slice(0, 200),
        website: '',
        location: faker.location.city().slice(0, 60),
      }),
    );
    result.users += 1;
  }
  // Everyone follows a few others: the feeds have something in them.
  for (const person of people) {
    for (const other of faker.helpers.arrayElements(people, { min: 1, max: 4 })) {
      if (other.id !== person.id) await services.social.follow(person, other.username);
    }
  }
  for (let i = 0; i < photoCount; i++) {
    const author = faker.helpers.arrayElement(people);
    const description = i % 3 === 0 ? faker.helpers.arrayElement(chinese) : faker.lorem.sentence().slice(0, 500);
    const [photo] = await services.photos.upload(author, {
      files: [{ filename: 'seed.jpg', data: await generatedPhoto() }],
      description,
      tags: faker.helpers.arrayElements(tagWords, { min: 1, max: 3 }),
    });
    result.photos += 1;
    for (const visitor of faker.helpers.arrayElements(people, { min: 0, max: 3 })) {
      await services.comments.add(visitor, photo!.id, faker.lorem.sentence().slice(0, 500));
      if (faker.datatype.boolean()) await services.social.collect(visitor, photo!.id);
    }
  }
  return result;
}

const input = z.object({
  users: z.coerce.number().int().min(0).max(200, '--users: at most 200'),
  photos: z.coerce.number().int().min(0).max(500, '--photos: at most 500'),
});

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runCommand(
    () => {
      const { values } = parseArgs({
        options: { users: { type: 'string', default: '8' }, photos: { type: 'string', default: '24' } },
      });
      return checkInput(input, values);
    },
    async ({ users, photos }, { services }) => {
      const result = await seed(services, users, photos);
      console.log(`Seeded ${result.users} users and ${result.photos} photos.`);
      if (result.admin) console.log(`Log in as “${result.admin.username}” with the password ${result.admin.password}`);
    },
  );
}
