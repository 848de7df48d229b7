/** Button looks, shared by links and buttons (spelled out so Tailwind finds the classes). */
export const BUTTON_STYLE = {
  primary: 'bg-brand text-white shadow-sm hover:bg-brand-strong',
  secondary: 'border border-line bg-surface text-ink shadow-sm hover:bg-canvas',
  danger: 'bg-danger text-white shadow-sm hover:bg-danger/90',
  dangerOutline: 'border border-danger/40 bg-surface text-danger hover:bg-danger/5',
} as const;

export type ButtonVariant = keyof typeof BUTTON_STYLE;

/** The classes of a button of a variant. */
export function buttonClass(variant: ButtonVariant, size: 'sm' | 'md' = 'md'): string {
  const sizing = size === 'sm' ? 'px-2.5 py-1 text-sm' : 'px-4 py-2 text-sm';
  return `inline-flex items-center justify-center gap-1.5 rounded-md font-medium whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-60 ${sizing} ${BUTTON_STYLE[variant]}`;
}
