import { ApiKeyRepository } from '../repositories/api-key-repository.js';
import { ConversationRepository } from '../repositories/conversation-repository.js';
import { MessageRepository } from '../repositories/message-repository.js';
import { RefreshTokenRepository } from '../repositories/refresh-token-repository.js';
import { UserRepository } from '../repositories/user-repository.js';
import { accountServices } from './accounts.js';
import { createProvider } from './ai/index.js';
import { ApiKeyService } from './api-key-service.js';
import { ChatMetrics } from './chat-metrics.js';
import { ChatService } from './chat-service.js';
import { CompletionService } from './completion-service.js';
import { ConversationService } from './conversation-service.js';
import type { ServiceDeps } from './deps.js';
import { HistoryService } from './history-service.js';
import { Quota } from './quota.js';
import { ResponseCache } from './response-cache.js';

/**
 * Wires repositories, the model provider, the store and the job queue into services: the app's dependency
 * injection, by hand (FastAPI's Depends, written out). Routes receive the result; so do the jobs
 * (src/plugins/jobs.ts, which also starts them).
 */
export function createServices(deps: ServiceDeps) {
  const { db, config, metrics, jobs, store } = deps;
  const users = new UserRepository(db);
  const conversations = new ConversationRepository(db);
  const messages = new MessageRepository(db);

  const chatMetrics = new ChatMetrics(metrics, jobs);
  const provider = createProvider(config, (error) =>
    chatMetrics.providerErrors.inc({ provider: error.provider, failure: error.failure }),
  );
  const cache = config.CACHE_TTL_SECONDS > 0 ? new ResponseCache(store, config.CACHE_TTL_SECONDS) : undefined;
  const quota = new Quota(store, config.DAILY_TOKEN_QUOTA);
  const completions = new CompletionService(provider, quota, chatMetrics, cache);
  const history = new HistoryService(
    conversations,
    messages,
    new RefreshTokenRepository(db),
    config.HISTORY_RETENTION_DAYS,
  );

  return {
    ...accountServices(deps),
    conversations: new ConversationService(conversations),
    chat: new ChatService(conversations, messages, completions, jobs, config.CONTEXT_MESSAGES),
    completions,
    quota,
    apiKeys: new ApiKeyService(new ApiKeyRepository(db), users),
    history,
    jobs,
  };
}

export type Services = ReturnType<typeof createServices>;
