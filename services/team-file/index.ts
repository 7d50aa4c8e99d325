/** The team file by URL (issue 9): scheduled sync of the shared file; being built. */
export function registerTeamFileService(): void {}
