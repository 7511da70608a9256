import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { makeUser, photoServices, uploadPhoto } from '../helpers/photo.js';

// Runs on PGlite and, in the template check's second run, on PostgreSQL: the same SQL, the same answers.
describe('full-text search, Chinese and English', () => {
  const t = useTestApp();

  const arrange = async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'ada');
    await services.accounts.updateProfile(ada.id, {
      name: 'Ada',
      bio: '喜欢拍摄城市风景',
      website: '',
      location: 'London',
    });
    const cat = await uploadPhoto(services, ada, '我的猫在睡觉', ['pets']);
    const sunset = await uploadPhoto(services, ada, 'Sunset over the sea', ['海边']);
    const both = await uploadPhoto(services, ada, 'A sunset cat, 猫和日落', []);
    return { services, cat, sunset, both };
  };

  it('finds 猫 in “我的猫在睡觉”, and English words by prefix, ranked', async () => {
    const { services, cat, sunset, both } = await arrange();
    const ids = async (q: string) => (await services.search.find(q, 'photo', 1)).photos.items.map((photo) => photo.id);
    expect((await ids('猫')).sort()).toEqual([cat.id, both.id].sort());
    expect(await ids('睡觉')).toEqual([cat.id]);
    expect((await ids('sun')).sort()).toEqual([sunset.id, both.id].sort());
    expect(await ids('SUNSET 猫')).toEqual([both.id]);
    // A tag's words are part of the photo's searchable text.
    expect(await ids('海边')).toEqual([sunset.id]);
    expect(await ids('pets')).toEqual([cat.id]);
    expect(await ids('dog')).toEqual([]);
  });

  it('searches people and tags, and treats query syntax as text', async () => {
    const { services } = await arrange();
    expect((await services.search.find('城市', 'user', 1)).users.items.map((user) => user.username)).toEqual(['ada']);
    expect((await services.search.find('lond', 'user', 1)).users.total).toBe(1);
    expect((await services.search.find('海', 'tag', 1)).tags.items.map((tag) => tag.name)).toEqual(['海边']);
    for (const q of ["'", '&|!():*', '\\', 'a & !', "'); drop table photos; --"]) {
      const result = await services.search.find(q, 'photo', 1);
      expect(result.photos.items).toBeDefined();
    }
    expect((await services.photos.newest(1)).total).toBe(3);
  });

  it('shows results in the page, by tag and by a Chinese word', async () => {
    const { cat } = await arrange();
    const page = await t.app.inject({ url: `/search?q=${encodeURIComponent('猫')}`, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/photos/${cat.id}`);
    const tags = await t.app.inject({ url: '/search?q=pets&category=tag', headers: { accept: 'text/html' } });
    expect(tags.body).toContain('#pets');
    const bad = await t.app.inject({ url: '/search?q=x&category=nope', headers: { accept: 'text/html' } });
    expect(bad.statusCode).toBe(400);
    const long = await t.app.inject({ url: `/search?q=${'x'.repeat(101)}`, headers: { accept: 'text/html' } });
    expect(long.statusCode).toBe(400);
  });
});
