import Quill from 'quill';
import 'quill/dist/quill.snow.css';
import { exposeEditor } from './fixture.js';

const quill = new Quill('#editor', { theme: 'snow', modules: { toolbar: [['bold', 'italic']] } });
exposeEditor({
  modelText: () => quill.getText(),
  content: () => document.querySelector('#editor .ql-editor'),
  selection: () => {
    const range = quill.getSelection();
    return range && { start: range.index, end: range.index + range.length };
  },
});
