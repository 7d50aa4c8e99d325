/** The new-ticket form (docs/goc-pages.md §12), shown disabled: the simulator files no tickets. */
import { safeText } from '../fp.mjs';
import { simplePage, controlGroup } from './layout.mjs';

export function renderSubmitPage(v) {
  return simplePage(
    v,
    'GOC Ticket',
    `<h2>Submit a GOC Ticket</h2>
<form class="form-horizontal" method="post" action="submit">
${controlGroup('Full Name', `<input type="text" name="name" value="${safeText(v.user?.name ?? '')}"/>`)}
${controlGroup('Email', `<input type="text" name="email" value="${safeText(v.user?.email ?? '')}"/>`)}
${controlGroup('Phone', `<input type="text" name="phone" value="${safeText(v.user?.phone ?? '')}"/>`)}
${controlGroup('Title', '<input type="text" name="title"/>')}
${controlGroup('Details', '<textarea name="detail" rows="6"></textarea>')}
<div class="form-actions"><button type="button" class="btn btn-primary" disabled="disabled">Submit (disabled in the simulator)</button></div>
</form>`,
    'submit',
  );
}
