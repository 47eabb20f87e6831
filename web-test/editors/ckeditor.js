import { ClassicEditor, Essentials, Paragraph, Bold, Italic, Clipboard, Undo } from 'ckeditor5';
import 'ckeditor5/ckeditor5.css';
import { exposeEditor, htmlToText } from './fixture.js';

const editor = await ClassicEditor.create(/** @type {HTMLElement} */ (document.getElementById('editor')), {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Bold, Italic, Clipboard, Undo],
  toolbar: ['bold', 'italic', 'undo', 'redo'],
});
/**
 * A model position as an offset into the text, blocks joined by one newline.
 * @param {import('ckeditor5').ModelPosition} pos
 */
function offset(pos) {
  let n = 0;
  for (let i = 0; i < pos.path[0]; i++) n += /** @type {import('ckeditor5').ModelElement} */ (pos.root.getChild(i)).maxOffset + 1;
  return n + (pos.path[1] ?? 0);
}

exposeEditor({
  modelText: () => htmlToText(editor.getData()),
  content: () => document.querySelector('.ck-editor__editable'),
  selection: () => {
    const selection = editor.model.document.selection;
    return { start: offset(selection.getFirstPosition()), end: offset(selection.getLastPosition()) };
  },
});
