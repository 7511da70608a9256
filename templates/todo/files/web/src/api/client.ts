import type { Locale } from '../i18n/messages';
import type { SessionStore } from './session';
import type {
  ClearCompletedItemsData,
  ClearCompletedItemsResponses,
  CompleteAllItemsData,
  CompleteAllItemsResponses,
  CreateDemoAccountData,
  CreateDemoAccountResponses,
  CreateItemData,
  CreateItemResponses,
  DeleteItemData,
  GetUserData,
  GetUserResponses,
  IssueTokenData,
  IssueTokenResponses,
  ListItemsData,
  ListItemsResponses,
  PostApiV1AuthLogoutData,
  PostApiV1AuthRegisterData,
  PostApiV1AuthRegisterResponses,
  UpdateItemData,
  UpdateItemResponses,
} from './types.gen';

// The SPA's client of the API (AJAX). Every URL, body and answer is typed with ./types.gen.ts, which
// `npm run api:types` generates from the OpenAPI document: a route that changes makes this file fail the type
// check until it follows (tests/integration/api-types.test.ts fails when types.gen.ts is out of date).

export type Item = ListItemsResponses[200]['items'][number];
export type ItemCollection = ListItemsResponses[200];
export type User = GetUserResponses[200];

/** An answer the API refused, with its error code and its message (in the language asked for). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The server could not be reached at all. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

export interface ApiOptions {
  session: SessionStore;
  /** The language of the UI, sent as Accept-Language: the API answers its errors in it. */
  locale: () => Locale;
  /** Called once the session is over: the refresh token was refused, or the user signed out. */
  onSignedOut: (reason: 'expired' | 'signed-out') => void;
  baseUrl?: string;
}

/** `/api/v1/user/items/{id}` with the id filled in; the template itself is the generated type's. */
const fill = (template: string, params: Record<string, number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));

export function createApi({ session, locale, onSignedOut, baseUrl = '' }: ApiOptions) {
  let refreshing: Promise<boolean> | undefined;

  async function send(method: string, url: string, body?: unknown, form?: Record<string, string>) {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': locale() };
    const token = session.load()?.accessToken;
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(form).toString();
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    try {
      return await fetch(`${baseUrl}${url}`, { method, headers, body: payload });
    } catch (error) {
      throw new NetworkError(String(error));
    }
  }

  async function failure(response: Response): Promise<ApiError> {
    const body = (await response.json().catch(() => ({}))) as {
      error?: string | { code?: string; message?: string };
      error_description?: string;
    };
    if (typeof body.error === 'string') return new ApiError(response.status, body.error, body.error_description ?? '');
    return new ApiError(response.status, body.error?.code ?? 'error', body.error?.message ?? response.statusText);
  }

  /** Exchanges the refresh token for a new pair (OAuth refresh grant); false when the session is over. */
  function refresh(): Promise<boolean> {
    // One refresh at a time: requests that fail together wait for the same one. Each refresh token works once,
    // so two refreshes with it would look like a stolen token and end the session.
    refreshing ??= (async () => {
      const refreshToken = session.load()?.refreshToken;
      if (!refreshToken) return false;
      const response = await send('POST', '/api/v1/oauth/token' satisfies IssueTokenData['url'], undefined, {
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      });
      if (!response.ok) return false;
      const pair = (await response.json()) as IssueTokenResponses[200];
      session.save({ accessToken: pair.access_token, refreshToken: pair.refresh_token });
      return true;
    })().finally(() => (refreshing = undefined));
    return refreshing;
  }

  /**
   * A request to the API with the access token. When the token has expired (401), it refreshes once and tries
   * again; if that fails too, the session is over: the user is signed out, with a message.
   */
  async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
    let response = await send(method, url, body);
    if (response.status === 401 && session.load()) {
      if (await refresh()) response = await send(method, url, body);
      if (response.status === 401) {
        session.clear();
        onSignedOut('expired');
      }
    }
    if (!response.ok) throw await failure(response);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  function list(query: NonNullable<ListItemsData['query']>): Promise<ItemCollection> {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    return request('GET', `${'/api/v1/user/items' satisfies ListItemsData['url']}?${search.toString()}`);
  }

  async function signIn(email: string, password: string): Promise<void> {
    const response = await send('POST', '/api/v1/oauth/token' satisfies IssueTokenData['url'], undefined, {
      grant_type: 'password',
      username: email,
      password,
    });
    if (!response.ok) throw await failure(response);
    const pair = (await response.json()) as IssueTokenResponses[200];
    session.save({ accessToken: pair.access_token, refreshToken: pair.refresh_token });
  }

  return {
    signIn,

    async signUp(body: PostApiV1AuthRegisterData['body']): Promise<void> {
      await request<PostApiV1AuthRegisterResponses[201]>(
        'POST',
        '/api/v1/auth/register' satisfies PostApiV1AuthRegisterData['url'],
        body,
      );
      await signIn(body.email, body.password);
    },

    /** The book's test account: a new account with sample items, then signed in to it. */
    async demo(): Promise<void> {
      const account = await request<CreateDemoAccountResponses[201]>(
        'POST',
        '/api/v1/demo' satisfies CreateDemoAccountData['url'],
      );
      await signIn(account.email, account.password);
    },

    async signOut(): Promise<void> {
      const refreshToken = session.load()?.refreshToken;
      session.clear();
      onSignedOut('signed-out');
      if (refreshToken) {
        const body: PostApiV1AuthLogoutData['body'] = { refreshToken };
        await send('POST', '/api/v1/auth/logout' satisfies PostApiV1AuthLogoutData['url'], body).catch(() => {});
      }
    },

    user: () => request<User>('GET', '/api/v1/user' satisfies GetUserData['url']),

    items: {
      list,
      /** Every item, following the collection's `next` links (a list holds at most a few pages). */
      async all(): Promise<Item[]> {
        const items: Item[] = [];
        let page = await list({ pageSize: 100 });
        items.push(...page.items);
        while (page.next) {
          page = await request<ItemCollection>('GET', page.next);
          items.push(...page.items);
        }
        return items;
      },
      create: (body: CreateItemData['body']) =>
        request<CreateItemResponses[201]>('POST', '/api/v1/user/items' satisfies CreateItemData['url'], body),
      update: (id: number, body: UpdateItemData['body']) =>
        request<UpdateItemResponses[200]>(
          'PATCH',
          fill('/api/v1/user/items/{id}' satisfies UpdateItemData['url'], { id }),
          body,
        ),
      remove: (id: number) =>
        request<void>('DELETE', fill('/api/v1/user/items/{id}' satisfies DeleteItemData['url'], { id })),
      completeAll: (body: CompleteAllItemsData['body']) =>
        request<CompleteAllItemsResponses[200]>(
          'PATCH',
          '/api/v1/user/items' satisfies CompleteAllItemsData['url'],
          body,
        ),
      clearCompleted: () =>
        request<ClearCompletedItemsResponses[200]>(
          'DELETE',
          '/api/v1/user/items/completed' satisfies ClearCompletedItemsData['url'],
        ),
    },
  };
}

export type Api = ReturnType<typeof createApi>;
