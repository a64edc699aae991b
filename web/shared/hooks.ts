// React bindings for the language and the token, so a page re-renders when either changes.
import { useSyncExternalStore } from "react";
import { getLang, subscribeLang, type Lang } from "./i18n";
import { tokenSource } from "./token";

export function useLang(): Lang {
  return useSyncExternalStore(subscribeLang, getLang);
}

export function useToken(): string | null {
  return useSyncExternalStore(tokenSource.subscribe, tokenSource.getToken);
}
