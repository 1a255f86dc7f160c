import type { MessageData } from './rule-api.js';

/** Fills `{{name}}` slots of a message template; unknown slots are left as written. */
export function formatMessage(template: string, data: MessageData | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (slot, name: string) => {
    const value = data[name];
    return value === undefined ? slot : String(value);
  });
}
