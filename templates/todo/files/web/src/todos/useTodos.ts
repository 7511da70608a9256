import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type Api, NetworkError } from '../api/client';
import { fromItem, newKey, type Todo } from './todo';

export type Problem = { kind: 'save' | 'load'; reason: string | null } | null;

/**
 * The todo list, kept on the server and shown at once: every change is made in the UI first (optimistic
 * update), then sent to the API; when the API refuses, the change is undone and the reason shown. Changes to one
 * todo are sent one after another, in order (a todo not yet stored gets its id before it is changed).
 */
export function useTodos(api: Api) {
  const [todos, setTodos] = useState<Todo[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const ids = useRef(new Map<string, number>());
  const queues = useRef(new Map<string, Promise<unknown>>());

  useEffect(() => {
    let current = true;
    api.items
      .all()
      .then((items) => {
        if (!current) return;
        const list = items.map(fromItem);
        for (const todo of list) if (todo.id !== null) ids.current.set(todo.key, todo.id);
        setTodos(list);
        setLoaded(true);
      })
      .catch((error: unknown) => {
        if (current) setProblem({ kind: 'load', reason: reasonOf(error) });
      });
    return () => {
      current = false;
    };
  }, [api]);

  /** Runs `work` after the earlier work on the same todo; a failure undoes the change and is shown. */
  const enqueue = useCallback((key: string, work: (id: number) => Promise<void>, undo: () => void) => {
    const previous = queues.current.get(key) ?? Promise.resolve();
    const next = previous.then(async () => {
      const id = ids.current.get(key);
      if (id === undefined) return; // its creation failed: nothing to change on the server
      try {
        await work(id);
      } catch (error) {
        undo();
        setProblem({ kind: 'save', reason: reasonOf(error) });
      }
    });
    queues.current.set(key, next);
    return next;
  }, []);

  /** Resolves once every change sent so far has been answered (before a change to the whole list). */
  const settled = useCallback(() => Promise.all([...queues.current.values()]), []);

  const patch = (key: string, change: Partial<Todo>) =>
    setTodos((list) => list.map((todo) => (todo.key === key ? { ...todo, ...change } : todo)));

  const add = useCallback(
    (title: string) => {
      const key = newKey();
      setTodos((list) => [...list, { key, id: null, title, completed: false, createdAt: new Date().toISOString() }]);
      const created = api.items.create({ title }).then(
        (item) => {
          ids.current.set(key, item.id);
          patch(key, { id: item.id, title: item.title, createdAt: item.createdAt });
        },
        (error: unknown) => {
          setTodos((list) => list.filter((todo) => todo.key !== key));
          setProblem({ kind: 'save', reason: reasonOf(error) });
        },
      );
      queues.current.set(key, created);
    },
    [api],
  );

  const toggle = useCallback(
    (todo: Todo) => {
      const completed = !todo.completed;
      patch(todo.key, { completed });
      void enqueue(
        todo.key,
        async (id) => void (await api.items.update(id, { completed })),
        () => patch(todo.key, { completed: !completed }),
      );
    },
    [api, enqueue],
  );

  const destroy = useCallback(
    (todo: Todo) => {
      let index = -1;
      setTodos((list) => {
        index = list.findIndex((each) => each.key === todo.key);
        return list.filter((each) => each.key !== todo.key);
      });
      void enqueue(
        todo.key,
        (id) => api.items.remove(id),
        () =>
          setTodos((list) => {
            const restored = [...list];
            restored.splice(index < 0 ? restored.length : index, 0, todo);
            return restored;
          }),
      );
    },
    [api, enqueue],
  );

  /** Saves an edit: trimmed; an empty title deletes the todo (TodoMVC). */
  const rename = useCallback(
    (todo: Todo, text: string) => {
      const title = text.trim();
      if (title === '') return destroy(todo);
      if (title === todo.title) return;
      patch(todo.key, { title });
      void enqueue(
        todo.key,
        async (id) => void (await api.items.update(id, { title })),
        () => patch(todo.key, { title: todo.title }),
      );
    },
    [api, destroy, enqueue],
  );

  const completeAll = useCallback(
    (completed: boolean) => {
      let before: Todo[] = [];
      setTodos((list) => {
        before = list;
        return list.map((todo) => ({ ...todo, completed }));
      });
      void settled()
        .then(() => api.items.completeAll({ completed }))
        .catch((error: unknown) => {
          setTodos(before);
          setProblem({ kind: 'save', reason: reasonOf(error) });
        });
    },
    [api, settled],
  );

  const clearCompleted = useCallback(() => {
    let before: Todo[] = [];
    setTodos((list) => {
      before = list;
      return list.filter((todo) => !todo.completed);
    });
    void settled()
      .then(() => api.items.clearCompleted())
      .catch((error: unknown) => {
        setTodos(before);
        setProblem({ kind: 'save', reason: reasonOf(error) });
      });
  }, [api, settled]);

  return {
    todos,
    loaded,
    problem,
    dismissProblem: () => setProblem(null),
    add,
    toggle,
    destroy,
    rename,
    completeAll,
    clearCompleted,
  };
}

/** The API's own message (already in the UI's language); null for "the server could not be reached". */
function reasonOf(error: unknown): string | null {
  if (error instanceof ApiError) return error.message;
  if (error instanceof NetworkError) return null;
  return String(error);
}
