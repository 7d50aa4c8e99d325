/**
 * A team with more than 12 members, as the real site's `fblist()` helper (app/views/helper.php)
 * prints it (docs/goc-pages.md §7.1): selected members as `div`s with an inline-onclick
 * remove icon and a hidden `team_N[<fpid>]` input, then `input.autocomplete.ac_input`, then an
 * inline script holding the ONLY copy of the member list (`team_N__listdata`) and the jQuery UI
 * autocomplete set-up, then the `p#team_N__acnote` hint. No data attributes anywhere.
 *
 * Unlike the real helper, names are escaped: JSON-style (`<` as \u003c) in the script, fully
 * (`&` too) in the HTML, and the select handler escapes the label it writes into HTML the same way,
 * so a row's text is exactly its list-data label whichever way it was added.
 */
import { escapeHtml, inlineJson } from '../fp.mjs';

/** What the inline `onclick` of a remove icon does on the real site: show the input again, drop the row. */
const REMOVE_JS = `$(this).parent().siblings('.autocomplete').val('').show(); $(this).parent().remove();`;

/** One selected member, as printed by the server (and, in the same shape, by the select handler). */
export function fblistRow(id, fpid, label) {
  return `<div><i onclick="${REMOVE_JS}" class="icon-remove"></i> ${escapeHtml(label)}<input type="hidden" name="${id}[${escapeHtml(fpid)}]" value="on"/></div>`;
}

/**
 * `id`: `team_N`; `items`: [{ id: fpid, label }] in FP's order; `selected`: FP ids assigned.
 * `maxSelect` hides the input once that many are chosen (the editor passes 1000: never).
 */
export function fblist(id, items, selected, maxSelect = 1000) {
  const chosen = items.filter((m) => selected.includes(m.id));
  const listdata = items.map((m) => `{ id: ${inlineJson(String(m.id))}, label: ${inlineJson(String(m.label))}}`).join(',\n');
  const hide = chosen.length >= maxSelect ? `$("#${id}__list input.autocomplete").hide();` : '';
  // The select handler builds the same row as fblistRow; the label and id are escaped first.
  const script = `<script type='text/javascript'>$(function() {var ${id}__listdata = [${listdata}];${hide}
    $("#${id}__list input.autocomplete").autocomplete(${id}__listdata, 
    {
        source: ${id}__listdata,
        minLength: 0,
        select: function(event, ui) {
            var esc = function(s) { return String(s).replace(/[&<>"']/g, function(c) { return "&#" + c.charCodeAt(0) + ";"; }); };
            $("#${id}__acnote").hide();
            $(this).before("<div><i class=\\"icon-remove\\" onclick=\\"$(this).parent().siblings('.autocomplete').val('').show();$(this).parent().remove();\\"></i> "+esc(ui.item.label)+"<input type=\\"hidden\\" name=\\"${id}["+esc(ui.item.id)+"]\\" value=\\"on\\"/></div>");
            if($(this).siblings("div").length >= ${maxSelect}) {
                $(this).hide();
            }
            $(this).val("");
            return false;
        }
    });
});
</script>`;
  return (
    `<div class="fblist_container" id="${id}__list">` +
    `<div class="fblist" style="position: relative;" onclick="$(this).find('.autocomplete').focus(); return false;" ondblclick="$(this).find('.autocomplete').autocomplete('search',''); return false;">` +
    chosen.map((m) => fblistRow(id, m.id, m.label)).join('') +
    `<input type='text' class='autocomplete ac_input' style='background-color: transparent;' onfocus='$("#${id}__acnote").fadeIn("slow");' onblur='$("#${id}__acnote").fadeOut("slow");'/>` +
    script +
    `<p id="${id}__acnote" class="hidden" style="z-index: -1; position: absolute; color: #999; font-size: 9px; right: 5px; bottom: -5px; text-align: right; font-size: 10px;line-height: 100%;">Double click to show all</p>` +
    `</div></div>`
  );
}
