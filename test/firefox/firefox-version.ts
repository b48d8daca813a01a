import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { firefoxPath } from '@/test/firefox/firefox-session';

/**
 * Global setup of the Firefox suite: says loudly when the Firefox under test is not the one
 * the suite was last run on (test/firefox/last-run-on.txt, which the README names and .ci/run
 * installs). Every test still runs: a new ESR is exactly when the suite is needed, and a
 * failure there should read as "new browser" at a glance rather than as a regression.
 */
export default function checkFirefoxVersion(): void {
  const lastRunOn = readFileSync(path.join(import.meta.dirname, 'last-run-on.txt'), 'utf8').trim();
  const printed = execFileSync(firefoxPath, ['--version'], { encoding: 'utf8', env: { ...process.env, MOZ_HEADLESS: '1' } }).trim();
  const version = /(\d+\.\d+(?:\.\d+)?\S*)/.exec(printed)?.[1] ?? printed;
  if (version === lastRunOn) {
    console.log(`Firefox suite: ${firefoxPath} is Firefox ${version}, the version it was last run on.`);
    return;
  }
  const line = '!'.repeat(78);
  console.warn(
    [
      line,
      `Firefox suite: ${firefoxPath} is Firefox ${version}; this suite was last run on Firefox ${lastRunOn}.`,
      `It has never been run on ${version}. Running every test anyway; if one fails, suspect the`,
      `browser first. Once it passes, write ${version} into test/firefox/last-run-on.txt and the README.`,
      line,
    ].join('\n'),
  );
}
