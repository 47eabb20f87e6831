import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { exposeEditor } from './fixture.js';
import './tiptap.css';

// injectCSS would add a <style> element, which the page's CSP refuses; tiptap.css is the same CSS.
const editor = new Editor({ element: document.getElementById('editor'), extensions: [StarterKit], injectCSS: false });
exposeEditor({
  modelText: () => editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n'),
  content: () => document.querySelector('#editor .ProseMirror'),
  // Document positions count block boundaries; the text before a position is its offset.
  selection: () => {
    const { doc, selection } = editor.state;
    const offset = (/** @type {number} */ pos) => doc.textBetween(0, pos, '\n').length;
    return { start: offset(selection.from), end: offset(selection.to) };
  },
});
window.editorDocTextContent = () => editor.state.doc.textContent;
