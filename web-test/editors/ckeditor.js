import { ClassicEditor, Essentials, Paragraph, Bold, Italic, Clipboard, Undo } from 'ckeditor5';
import 'ckeditor5/ckeditor5.css';
import { exposeEditor, htmlToText } from './fixture.js';

const editor = await ClassicEditor.create(/** @type {HTMLElement} */ (document.getElementById('editor')), {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Bold, Italic, Clipboard, Undo],
  toolbar: ['bold', 'italic', 'undo', 'redo'],
});
exposeEditor({ modelText: () => htmlToText(editor.getData()), content: () => document.querySelector('.ck-editor__editable') });
