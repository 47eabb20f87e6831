// TinyMCE in its classic iframe mode, self-hosted: theme, model and icons
// are bundled, skins come from the bundled CSS, so nothing is fetched.
import tinymce from 'tinymce';
import 'tinymce/models/dom';
import 'tinymce/themes/silver';
import 'tinymce/icons/default';
import 'tinymce/skins/ui/oxide/skin.css';
import { exposeEditor } from './fixture.js';

await tinymce.init({
  selector: '#editor',
  license_key: 'gpl',
  skin: false,
  content_css: false,
  menubar: false,
  toolbar: 'undo redo | bold italic',
  promotion: false,
  branding: false,
  // Tall enough for Tactful's card: in a frame shorter than the card the card
  // is cut off by the frame (an open issue, see docs/compatibility.md).
  height: 400,
  width: 680,
});
const frame = /** @type {Window} */ (tinymce.activeEditor?.getWin());
window.recordTactfulEvents(frame.document, frame);
exposeEditor({
  modelText: () => tinymce.activeEditor?.getContent({ format: 'text' }) ?? '',
  content: () => tinymce.activeEditor?.getBody() ?? null,
  // TinyMCE's selection is a DOM range (kept while the editor is blurred);
  // its offset is the length of the text before it (one paragraph).
  selection: () => {
    const editor = tinymce.activeEditor;
    if (!editor) return null;
    const range = editor.selection.getRng();
    const offset = (/** @type {Node} */ node, /** @type {number} */ at) => {
      const before = editor.getDoc().createRange();
      before.setStart(editor.getBody(), 0);
      before.setEnd(node, at);
      return before.toString().length;
    };
    return { start: offset(range.startContainer, range.startOffset), end: offset(range.endContainer, range.endOffset) };
  },
});
