import { createContext, useContext, useState, type ReactNode } from 'react';
import { DICTIONARY, type Language, type TextKey } from './dictionary';

const LANGUAGE_KEY = 'hotline-console.language';

interface Translation {
  language: Language;
  t(key: TextKey): string;
  /** A name the API gives in both languages. */
  name(thing: { nameZh: string; nameEn: string }): string;
  toggle(): void;
}

const TranslationContext = createContext<Translation | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => (window.localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh'));
  const index = language === 'zh' ? 0 : 1;
  const toggle = () => {
    const next = language === 'zh' ? 'en' : 'zh';
    window.localStorage.setItem(LANGUAGE_KEY, next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setLanguage(next);
  };
  const value: Translation = { language, t: (key) => DICTIONARY[key][index], name: (thing) => (language === 'zh' ? thing.nameZh : thing.nameEn), toggle };
  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>;
}

export function useT(): Translation {
  const value = useContext(TranslationContext);
  if (!value) throw new Error('useT outside LanguageProvider');
  return value;
}
