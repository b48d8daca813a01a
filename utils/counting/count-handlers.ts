import type { Handlers } from '../messaging/router';

// Owned by the counting engine (issue 3). Placeholder until the engine lands.
export const countHandlers: Pick<Handlers, 'count'> = {
  count: () => {
    throw new Error('counting engine not implemented yet');
  },
};
