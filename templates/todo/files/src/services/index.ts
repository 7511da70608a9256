import { ItemRepository } from '../repositories/item-repository.js';
import { accountServices } from './accounts.js';
import { DemoService } from './demo-service.js';
import type { ServiceDeps } from './deps.js';
import { ItemService } from './item-service.js';

/** Wires repositories into services: the app's dependency injection, by hand. Routes receive the result. */
export function createServices(deps: ServiceDeps) {
  return {
    ...accountServices(deps),
    items: new ItemService(new ItemRepository(deps.db)),
    demo: new DemoService(deps.db),
  };
}

export type Services = ReturnType<typeof createServices>;
