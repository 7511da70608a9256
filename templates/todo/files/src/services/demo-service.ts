import { randomBytes } from 'node:crypto';
import { hashPassword } from '../core/passwords.js';
import type { Locale } from '../core/locale.js';
import type { Db } from '../db/client.js';
import { ItemRepository } from '../repositories/item-repository.js';
import { UserRepository } from '../repositories/user-repository.js';

/** What a new demo account starts with, in the language of the person who asked for it (one of them done). */
export const demoItems: Record<Locale, { title: string; completed?: boolean }[]> = {
  en: [
    { title: 'Double-click a todo to change it' },
    { title: 'Press Enter to add a todo, Escape to cancel an edit' },
    { title: 'Switch the language at the bottom of the page' },
    { title: 'Try the demo account', completed: true },
  ],
  'zh-CN': [
    { title: '双击待办事项即可修改' },
    { title: '按回车添加待办，按 Esc 取消编辑' },
    { title: '在页面底部切换语言' },
    { title: '试用演示账户', completed: true },
  ],
};

const demoNames: Record<Locale, string> = { en: 'Demo', 'zh-CN': '演示用户' };

export interface DemoAccount {
  email: string;
  password: string;
  name: string;
}

/**
 * The book's "test account" (生成测试账户): a new account with a random address and password and a few sample
 * items, so that anyone can try the app in one click. The client signs in with the credentials it gets back,
 * through the OAuth password grant like any other account.
 */
export class DemoService {
  constructor(private readonly db: Db) {}

  async create(locale: Locale): Promise<DemoAccount> {
    const email = `demo-${randomBytes(6).toString('hex')}@demo.example`;
    const password = randomBytes(12).toString('base64url');
    const name = demoNames[locale];
    // Hashed before the transaction: nothing slow happens while it holds the (PGlite: only) connection.
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      const user = await new UserRepository(tx).create({ email, name, passwordHash });
      if (!user) throw new Error(`demo address ${email} is taken`);
      await new ItemRepository(tx).create(user.id, demoItems[locale]);
    });
    return { email, password, name };
  }
}
