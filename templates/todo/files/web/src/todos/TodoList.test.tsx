import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderIn, todo } from '../test-render';
import { Footer } from './Footer';
import type { Filter, Todo } from './todo';
import { TodoList } from './TodoList';

function list(todos: Todo[], filter: Filter = 'all') {
  const props = { onToggle: vi.fn(), onRename: vi.fn(), onDestroy: vi.fn(), onCompleteAll: vi.fn() };
  const view = renderIn('en', <TodoList todos={todos} filter={filter} {...props} />);
  return { ...props, view };
}

const titles = () => screen.getAllByRole('listitem').map((item) => item.textContent);

describe('the list', () => {
  const three = () => [todo('buy some cheese'), todo('feed the cat', true), todo('book a doctors appointment')];

  it('shows what the filter asks for', () => {
    const todos = three();
    list(todos, 'active').view.unmount();
    list(todos, 'completed').view.unmount();
    list(todos, 'all');
    expect(titles()).toEqual(['buy some cheese', 'feed the cat', 'book a doctors appointment']);
  });

  it.each([
    ['active', ['buy some cheese', 'book a doctors appointment']],
    ['completed', ['feed the cat']],
  ] as const)('filter %s', (filter, expected) => {
    list(three(), filter);
    expect(titles()).toEqual(expected);
  });

  it('"Mark all as complete" is checked only when every todo is, and says which way to go', async () => {
    const user = userEvent.setup();
    const mixed = list(three());
    const toggleAll = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Mark all as complete' });
    expect(toggleAll.checked).toBe(false);
    await user.click(toggleAll);
    expect(mixed.onCompleteAll).toHaveBeenCalledWith(true);
    mixed.view.unmount();

    const done = list([todo('a', true), todo('b', true)]);
    const checked = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Mark all as complete' });
    expect(checked.checked).toBe(true);
    await user.click(checked);
    expect(done.onCompleteAll).toHaveBeenCalledWith(false);
  });
});

describe('the footer', () => {
  const footer = (todos: Todo[], locale: 'en' | 'zh-CN' = 'en', filter: Filter = 'all') => {
    const onClearCompleted = vi.fn();
    const view = renderIn(locale, <Footer todos={todos} filter={filter} onClearCompleted={onClearCompleted} />);
    return { onClearCompleted, count: view.container.querySelector('.todo-count')!, view };
  };

  it('counts what is left, in <strong>, with the right plural', () => {
    const one = footer([todo('a'), todo('b', true)]);
    expect(one.count.textContent).toBe('1 item left');
    expect(one.count.querySelector('strong')?.textContent).toBe('1');
    one.view.unmount();
    expect(footer([todo('a'), todo('b')]).count.textContent).toBe('2 items left');
  });

  it('says 0 items left, and 还剩 2 项 in Chinese', () => {
    footer([todo('a', true)]).view.unmount();
    expect(footer([todo('a'), todo('b')], 'zh-CN').count.textContent).toBe('还剩 2 项');
  });

  it('offers "Clear completed" only when something is completed', async () => {
    const none = footer([todo('a')]);
    expect(screen.queryByRole('button', { name: 'Clear completed' })).toBeNull();
    none.view.unmount();
    const some = footer([todo('a'), todo('b', true)]);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Clear completed' }));
    expect(some.onClearCompleted).toHaveBeenCalled();
  });

  it('links to the three routes and marks the current one', () => {
    const { view } = footer([todo('a')], 'en', 'active');
    const links = within(view.container).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['All', '#/'],
      ['Active', '#/active'],
      ['Completed', '#/completed'],
    ]);
    expect(links.map((link) => link.className)).toEqual(['', 'selected', '']);
    expect(screen.getByRole('link', { name: 'Active' }).getAttribute('aria-current')).toBe('page');
  });
});
