import { afterAll } from 'vitest';
import { closeSharedTestDatabase } from './helpers/database.js';

// Runs in every test file: the file's shared database is closed after its last test.
afterAll(closeSharedTestDatabase);
