import { createContext } from 'preact';

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
export const DraftStorageContext = createContext<DraftStorage | null>(null);
