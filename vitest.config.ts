import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['utils/**/*.test.ts', 'components/**/*.test.ts', 'components/**/*.test.tsx', 'test/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: 60_000,
  },
});
