/** Types of routes/team-file.mjs for the TypeScript tests. */
export const TEAM_FILE_PATH: string;
export const TEAM_FILE_NEW_PERSON: string;
export const TEAM_FILE_SNIPPET: string;
export const TEAM_FILE_NEW_SNIPPET: string;
export function teamFile(origin: string, options?: { changed?: boolean }): Record<string, any>;
export const routes: Record<string, (c: any) => unknown>;
