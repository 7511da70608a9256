import type { Item } from '../api/client';

/** A todo as the UI holds it. `key` is the client's own, so a todo has one before the server gave it an id. */
export interface Todo {
  key: string;
  /** null until the server has stored it. */
  id: number | null;
  title: string;
  completed: boolean;
  createdAt: string;
}

/** The longest title the API takes (the items.title column, src/db/schema/items.ts). */
export const maxTitleLength = 500;

export type Filter = 'all' | 'active' | 'completed';

let keys = 0;
export const newKey = () => `todo-${++keys}`;

export const fromItem = (item: Item): Todo => ({
  key: newKey(),
  id: item.id,
  title: item.title,
  completed: item.completed,
  createdAt: item.createdAt,
});

/** TodoMVC's routes: #/ (all), #/active, #/completed. */
export function filterOf(hash: string): Filter {
  if (hash === '#/active') return 'active';
  if (hash === '#/completed') return 'completed';
  return 'all';
}

export function visible(todos: Todo[], filter: Filter): Todo[] {
  if (filter === 'all') return todos;
  return todos.filter((todo) => todo.completed === (filter === 'completed'));
}
