import { i18n } from './i18n.js';

// Dates, times and numbers in the tab's language (Intl), not the browser's: an Arabic tab in an English
// browser shows Arabic dates.

const locale = (): string => i18n.language || 'en';

export const formatTime = (iso: string): string => new Date(iso).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' });

export const formatTimeSeconds = (iso: string): string => new Date(iso).toLocaleTimeString(locale());

export const formatDateTime = (iso: string): string => new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });

export const formatNumber = (value: number): string => new Intl.NumberFormat(locale()).format(value);
