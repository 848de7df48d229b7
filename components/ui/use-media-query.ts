'use client';

import { useSyncExternalStore } from 'react';

/**
 * Whether a CSS media query matches, following its changes; null on the server and while the
 * page hydrates (the server cannot know the screen), so a caller draws what CSS alone can show
 * then, and the lean version once the browser answers.
 */
export function useMediaQuery(query: string): boolean | null {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window === 'undefined' || !window.matchMedia) return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query).matches : null),
    () => null,
  );
}
