export declare function lockPathFor(name: string, repoRoot: string): string;
export declare function withLock<T>(lockDir: string, fn: () => Promise<T>, options?: { timeoutMs?: number; onWait?: () => void }): Promise<T>;
