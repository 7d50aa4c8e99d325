/**
 * Our stylesheets on GOC pages: one per content script so each script carries only its own rules
 * (the banner and the list page bring their own sheets), inserted the same way.
 * Bootstrap 2.3.2 page: the rules use only `gta-` classes and stay small so the page's own layout is
 * untouched. Each sheet is inserted once, as `<style data-gta="<marker>">`.
 */
import { ROLE_COLORS, type ResponderRole } from '../../utils/responders/types';
import type { Sheet } from './dom';

// A function, not a constant: module-level code would be kept in every script that imports this file.
const roleRules = () =>
  (Object.keys(ROLE_COLORS) as ResponderRole[])
    .map((role) => `.gta-role-${role}{background:${ROLE_COLORS[role].background};color:${ROLE_COLORS[role].color}}`)
    .join('\n');

/** The ticket script: responder badges, the summary, JIRA links. */
export const TICKET_SHEET: Sheet = {
  marker: 'ticket-styles',
  get css() {
    return `
.gta-responder-badge,.gta-summary-chip{display:inline-block;margin-left:8px;padding:1px 7px;border-radius:9px;font-size:11px;line-height:16px;font-weight:600;vertical-align:baseline;cursor:help;white-space:nowrap;max-width:24em;overflow:hidden;text-overflow:ellipsis}
${roleRules()}
.gta-unsigned-flag{display:inline-block;margin-left:6px;padding:0 6px;border-radius:9px;font-size:11px;line-height:16px;font-weight:600;background:#fff4ce;color:#6b4700;border:1px solid #b38600;cursor:help}
.gta-responder-summary{margin:10px 0;padding:8px 12px;border:1px solid #ccc;border-radius:4px;background:#f7f7f9;color:#333;font-size:13px;line-height:18px}
.gta-responder-summary .gta-summary-state{font-weight:700;margin-right:8px}
.gta-responder-summary .gta-summary-state[data-gta-state="waiting-on-us"]{color:#8a1c00}
.gta-responder-summary .gta-summary-state[data-gta-state="waiting-on-user"]{color:#1b5e20}
.gta-responder-summary ul{margin:4px 0 0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:4px 10px}
.gta-responder-summary li{margin:0}
.gta-jira-link{text-decoration:underline;color:#005a9e}
`;
  },
};

/** The update script: snippets, the submit guards, expert suggestions. */
export const UPDATE_SHEET: Sheet = {
  marker: 'update-styles',
  css: `
.gta-snippet-picker{margin:4px 0;display:flex;gap:6px;align-items:center;flex-wrap:wrap}
.gta-snippet-picker select{width:auto;max-width:100%;margin:0}
.gta-unsigned-guard{margin:8px 0;padding:10px 12px;border:2px solid #b38600;border-radius:4px;background:#fff8e1;color:#333}
.gta-unsigned-guard p{margin:0 0 8px}
.gta-unsigned-guard button{margin-right:6px}
.gta-keep-software-guard{margin:8px 0;padding:10px 12px;border:2px solid #b38600;border-radius:4px;background:#fff8e1;color:#333}
.gta-keep-software-guard p{margin:0 0 8px}
.gta-keep-software-guard button{margin-right:6px}
.gta-unsigned-guard .btn-link,.gta-keep-software-guard .btn-link{color:#005a9e;text-shadow:none}
.gta-submit-questions{margin:8px 0;padding:8px 12px;border:2px solid #b38600;border-radius:4px;background:#fffdf5}
.gta-submit-questions>p{margin:0 0 6px;font-weight:600}
.gta-submit-questions .gta-unsigned-guard,.gta-submit-questions .gta-keep-software-guard{border-width:1px;margin:6px 0}
.gta-submit-questions [data-gta-answer] button[aria-pressed="true"]{outline:2px solid #1d4f91}
.gta-expert-suggestions{margin:8px 0;padding:6px 10px;border:1px solid #ccc;border-radius:4px;background:#fafafa;font-size:13px}
.gta-expert-suggestions ul{margin:4px 0;padding:0;list-style:none}
.gta-expert-suggestions li{margin:2px 0}
.gta-expert-suggestions button.gta-expert{border:1px solid #999;border-radius:3px;background:#fff;color:#1d4f91;padding:1px 6px;cursor:pointer;text-align:left}
.gta-expert-suggestions .gta-expert-status{display:block;font-size:12px;color:#555}
`,
};

/** The triage script: the triage panel and the close checklist (issue 8). */
export const TRIAGE_SHEET: Sheet = {
  marker: 'triage-styles',
  css: `
.gta-triage{margin:0 0 10px;padding:6px 10px;border:1px solid #9fb7d6;border-radius:4px;background:#f4f8fd;color:#1f2d3d;font-size:13px;line-height:18px}
.gta-triage[data-gta-state="collapsed"]{padding:3px 10px}
.gta-triage-head{display:flex;align-items:center;gap:8px}
.gta-triage-summary{flex:1;color:#44546a;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.gta-triage-body{margin-top:6px}
.gta-triage-row{display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px;margin:4px 0}
.gta-triage-label{min-width:6.5em;font-weight:600}
.gta-triage input.gta-triage-input,.gta-triage input.gta-triage-search{margin:0;width:16em}
.gta-triage input.gta-triage-date{width:8em}
.gta-triage-owners{margin:4px 0;padding:0;list-style:none;max-height:15em;overflow:auto;border:1px solid #d5dde8;border-radius:3px;background:#fff}
.gta-triage-owners li{margin:0;border-bottom:1px solid #eef1f5}
.gta-triage-owner{display:flex;flex-wrap:wrap;align-items:center;gap:2px 6px;width:100%;padding:3px 6px;border:0;background:transparent;color:#1f2d3d;text-align:left;cursor:pointer;font-size:13px}
.gta-triage-owner:hover{background:#eef3f8}
.gta-triage-owner[aria-pressed="true"]{background:#dbe8f7;box-shadow:inset 3px 0 0 #1d4f91}
.gta-triage-owner:focus-visible,.gta-triage button:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}
.gta-triage-name{font-weight:600}
.gta-triage-tag{padding:0 6px;border-radius:9px;background:#e8ecf1;color:#333;font-size:11px;line-height:16px}
.gta-triage-topic{background:#e3f1e5;color:#1b5e20}
.gta-triage-team{background:#efe7f7;color:#4a2a73}
.gta-triage-duty{background:#fff4d6;color:#7a4a00}
.gta-triage-away,.gta-triage-missing{background:#fdecea;color:#8a1c00}
.gta-triage-assigned{background:#dbe8f7;color:#1d4f91}
.gta-triage-empty,.gta-triage-chosen{margin:2px 0;color:#44546a}
.gta-triage-presets{display:inline-flex;flex-wrap:wrap;gap:4px}
.gta-triage-note{margin:4px 0;font-weight:normal}
.gta-triage-note input{margin:0 4px 2px 0}
.gta-triage-actions{display:flex;gap:6px;margin-top:6px}
.gta-triage-status{margin:4px 0 0;color:#1f2d3d}
.gta-close-checklist{margin:6px 0 10px;padding:8px 12px;border:1px solid #9fb7d6;border-radius:4px;background:#f4f8fd;font-size:13px}
.gta-close-checklist p{margin:0 0 4px}
.gta-close-checklist label{margin:2px 0;font-weight:normal}
.gta-close-checklist .gta-close-followups{margin-left:18px}
.gta-close-checklist a{margin-left:6px;color:#005a9e;text-decoration:underline}
`,
};
