import { settingsPathLabel } from '@/utils/core/settings/settings-changes';

const KINDS: Record<string, string> = {
  array: 'a list',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'a group of settings',
  null: 'nothing',
  undefined: 'nothing',
};

const kind = (name: string) => KINDS[name] ?? name;

/** A validator's message in plain words: "Invalid input: expected array, received string" -> "Expected a list, got text". */
export function plainMessage(message: string): string {
  const typed = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (typed) return `Expected ${kind(typed[1]!)}, got ${kind(typed[2]!)}`;
  return message;
}

/** A settings error as a person reads it: the field's label, then what is wrong with it. */
export function settingErrorText(error: { path: string; message: string }): string {
  const message = plainMessage(error.message);
  return error.path ? `${settingsPathLabel(error.path)}: ${message}` : message;
}
