export declare const REPO_ROOT: string;
export type Target = 'chromium' | 'firefox';
export declare const TARGETS: Record<Target, { dir: string; args: string[] }>;
export declare const BUILD_LOCK: string;
export interface RunResult { code: number; output: string; skipped?: boolean }
export declare function buildDir(target: Target): string;
export declare function staleReason(target: Target): string | null;
export declare function run(cmd: string, args: string[], options?: { cwd?: string; quiet?: boolean; env?: NodeJS.ProcessEnv }): Promise<RunResult>;
export declare function buildTargets(targets: Target[], options?: { force?: boolean; quiet?: boolean; log?: (line: string) => void }): Promise<Record<Target, RunResult>>;
export declare function snapshotBuild(target: Target, dest: string): Promise<string>;
