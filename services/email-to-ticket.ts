/** E-mail to ticket (issue 9): the context-menu entry and the popup's request; being built. */
export function registerEmailToTicketService(): void {}
