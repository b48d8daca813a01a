import type { Handlers } from '../messaging/router';

// Owned by usage recording (issue 5). Placeholder until recording lands.
const notYet = () => {
  throw new Error('usage recording not implemented yet');
};
export const usageHandlers: Omit<Handlers, 'count' | 'ping'> = {
  'record-usage': notYet,
  'import-usage': notYet,
  'delete-all-usage': notYet,
  'apply-retention': notYet,
  'usage-changed': notYet,
};
