import type { Config } from '../../core/config.js';
import { FallbackProvider } from './fallback-provider.js';
import { OfflineProvider } from './offline-provider.js';
import { OpenAiCompatibleProvider } from './openai-compatible-provider.js';
import type { ChatProvider, ProviderError } from './provider.js';

/** The provider the configuration asks for: the offline model, or AI_BASE_URL (with the offline fallback). */
export function createProvider(config: Config, onFallback?: (error: ProviderError) => void): ChatProvider {
  const offline = new OfflineProvider(config.OFFLINE_TOKEN_DELAY_MS);
  if (!config.AI_BASE_URL) return offline;
  const remote = new OpenAiCompatibleProvider({
    baseUrl: config.AI_BASE_URL,
    apiKey: config.AI_API_KEY,
    model: config.AI_MODEL,
    timeoutMs: config.AI_TIMEOUT_MS,
    maxRetries: config.AI_MAX_RETRIES,
  });
  return config.AI_FALLBACK ? new FallbackProvider(remote, offline, onFallback) : remote;
}
