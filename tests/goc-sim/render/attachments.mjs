/**
 * Attachments on a ticket page (docs/goc-pages.md §9): the editor's upload widget with its rows
 * built by the page's script from `attachment/list`, the signed-in read-only list and the guests'
 * table.
 */
import { safeText } from '../fp.mjs';
import { fullbase } from './layout.mjs';

/** The signed-in read-only view's list (rows in the HTML; the real one fills `#attachment-list` by script). */
export function attachmentWidget(ticket) {
  const files = ticket.attachments
    .map(
      (a) =>
        `<div class="file" data-name="${safeText(a.name)}"><a href="attachment/view?id=${ticket.id}&amp;file=${encodeURIComponent(a.name)}" target="_blank">${safeText(a.name)}</a> <span class="muted">(${Math.ceil(a.size / 1024)} KB, ${a.date})</span></div>`,
    )
    .join('\n');
  return `<div id="fileupload" class="well">
<input id="fileupload" type="file" name="files[]" multiple/>
<div id="files">
${files}
</div>
</div>`;
}

/**
 * The editor's upload widget, the site's way (docs/goc-pages.md §9): the rows are NOT in
 * the HTML. After DOM ready the page's script fetches `attachment/list?id=N` (jQuery getJSON) and
 * appends one `div.row-fluid.file` per file; its × is a `<button class="button">` with no type (so
 * the form's FIRST submit button) whose `onclick` deletes the file (`DELETE attachment/handler`) and
 * returns false. Choosing files uploads them (POST, multipart) and appends their rows.
 */
export function uploadWidget(ticket, v) {
  const handler = `attachment/handler?id=${ticket.id}`;
  return `<div id="fileupload" class="well well-small" style="box-sizing: border-box;width: 100%;">
<span class="btn btn-success fileinput-button"><i class="glyphicon glyphicon-plus"></i> <span>Attach files...</span>
<input id="fileupload" type="file" name="files[]" multiple/>
</span>
<br/><br/>
<div id="files" class="files"></div>
</div>
<script type="text/javascript">
function bytesToSize(bytes) {
    var units = ["Bytes", "KB", "MB", "GB"], i = 0;
    while (bytes >= 1024 && i < units.length - 1) { bytes /= 1024; i++; }
    return (i ? bytes.toFixed(1) : bytes) + " " + units[i];
}
function newfile(file) {
    var row = $('<div class="row-fluid file"/>');
    var name = $('<div class="span6 file-name"/>').text(file.name);
    row.append(name);
    row.append($('<div class="span2 file-size"/>').text(bytesToSize(file.size)));
    row.append($('<div class="span6 file-date"/>').text(file.date || ""));
    var preview = $('<div class="span3 file-preview"/>');
    if (file.thumbnail_url) preview.append($("<img/>").attr("src", file.thumbnail_url));
    row.append(preview);
    row.append('<div class="span1 file-delete"><button class="button" onclick="deletefile(this); return false;">&times;</button></div>');
    if (file.url) name.wrap($("<a/>").attr({ target: "_blank", href: file.url }));
    return row;
}
function deletefile(button) {
    var row = $(button).parents(".file");
    $.ajax({ url: "${handler}&file=" + encodeURIComponent(row.find(".file-name").text()), type: "DELETE" })
        .done(function() { row.remove(); })
        .fail(function() { alert("Failed to remove attachment. Please contact GOC for more information."); });
}
$(function() {
    $("input#fileupload").change(function() {
        var data = new FormData();
        $.each(this.files, function(i, f) { data.append("files[]", f, f.name); });
        $.ajax({ url: "${handler}", type: "POST", data: data, processData: false, contentType: false, dataType: "json" })
            .done(function(res) { $.each(res.files, function(i, f) { $("#files").append(newfile(f)); }); });
        $(this).val("");
    });
    $.getJSON("${fullbase(v)}/attachment/list?id=${ticket.id}", function(files) {
        $.each(files, function(i, f) { $("#files").append(newfile(f)); });
    });
});
</script>`;
}

export function guestAttachments(ticket) {
  const rows = ticket.attachments
    .map((a) => `<tr class="attachment"><td><a href="attachment/view?id=${ticket.id}&amp;file=${encodeURIComponent(a.name)}">${safeText(a.name)}</a></td><td>${Math.ceil(a.size / 1024)} KB</td><td>${a.date}</td></tr>`)
    .join('\n');
  return `<table class="table table-condensed">${rows}</table>`;
}
