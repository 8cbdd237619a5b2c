import { en, type MessageKey } from './en.ts';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
export type Table = Partial<Record<MessageKey, string>>;

const tables: Record<string, Table> = { en };

/** A translator for a locale, falling back to English key by key. */
export function translator(locale: string | undefined): Translate {
  const lang = (locale ?? 'en').toLowerCase();
  const table = tables[lang] ?? tables[lang.split('-')[0]] ?? en;
  return (key, params) => {
    const text = table[key] ?? en[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}
