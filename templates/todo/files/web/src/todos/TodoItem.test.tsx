import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderIn, todo } from '../test-render';
import { TodoItem } from './TodoItem';

function setup(item = todo('buy some cheese')) {
  const props = { onToggle: vi.fn(), onRename: vi.fn(), onDestroy: vi.fn() };
  const view = renderIn(
    'en',
    <ul>
      <TodoItem todo={item} {...props} />
    </ul>,
  );
  return { ...props, item, li: view.container.querySelector('li')!, user: userEvent.setup() };
}

describe('a todo', () => {
  it('shows its title, its state, a toggle named by the title and a delete button', async () => {
    const { li, item, onToggle, onDestroy, user } = setup(todo('feed the cat', true));
    expect(li.className).toBe('completed');
    const toggle = screen.getByRole('checkbox', { name: 'feed the cat' });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    await user.click(toggle);
    expect(onToggle).toHaveBeenCalledWith(item);
    await user.click(screen.getByRole('button', { name: 'Delete “feed the cat”' }));
    expect(onDestroy).toHaveBeenCalledWith(item);
    expect(screen.getByText('feed the cat').title).toMatch(/^Added May 1, 2026/);
  });

  it('double-click edits: the field has the title and the focus, the other controls are hidden', async () => {
    const { li, user } = setup();
    expect(screen.queryByRole('textbox', { name: 'Edit todo' })).toBeNull();
    await user.dblClick(screen.getByText('buy some cheese'));
    const field = screen.getByRole('textbox', { name: 'Edit todo' });
    expect(li.className).toBe('editing');
    expect((field as HTMLInputElement).value).toBe('buy some cheese');
    expect(document.activeElement).toBe(field);
    expect(li.querySelector('input.edit')).toBe(field);
  });

  it('Enter saves what was typed and ends the edit; the blur that follows saves nothing more', async () => {
    const { li, item, onRename, user } = setup();
    await user.dblClick(screen.getByText('buy some cheese'));
    const field = screen.getByRole('textbox', { name: 'Edit todo' });
    await user.clear(field);
    await user.type(field, '  buy some sausages  {Enter}');
    expect(onRename).toHaveBeenCalledTimes(1);
    expect(onRename).toHaveBeenCalledWith(item, '  buy some sausages  ');
    expect(li.className).toBe('');
    expect(screen.queryByRole('textbox', { name: 'Edit todo' })).toBeNull();
  });

  it('leaving the field saves', async () => {
    const { item, onRename, user } = setup();
    await user.dblClick(screen.getByText('buy some cheese'));
    const field = screen.getByRole('textbox', { name: 'Edit todo' });
    await user.type(field, ' and bread');
    fireEvent.blur(field);
    expect(onRename).toHaveBeenCalledWith(item, 'buy some cheese and bread');
  });

  it('Escape cancels: nothing is saved, the title stays', async () => {
    const { li, onRename, user } = setup();
    await user.dblClick(screen.getByText('buy some cheese'));
    await user.type(screen.getByRole('textbox', { name: 'Edit todo' }), ' changed{Escape}');
    expect(onRename).not.toHaveBeenCalled();
    expect(li.className).toBe('');
    expect(screen.getByText('buy some cheese')).toBeTruthy();
  });

  it('is labelled in Chinese in the Chinese UI', async () => {
    const props = { onToggle: vi.fn(), onRename: vi.fn(), onDestroy: vi.fn() };
    renderIn(
      'zh-CN',
      <ul>
        <TodoItem todo={todo('买奶酪')} {...props} />
      </ul>,
    );
    expect(screen.getByRole('button', { name: '删除“买奶酪”' })).toBeTruthy();
    await userEvent.setup().dblClick(screen.getByText('买奶酪'));
    expect(screen.getByRole('textbox', { name: '编辑待办事项' })).toBeTruthy();
  });
});
