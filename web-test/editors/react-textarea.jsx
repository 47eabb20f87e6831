import React, { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { exposeEditor } from './fixture.js';
import './react-textarea.css';

let current = '';

function Reply() {
  const [value, setValue] = useState('');
  current = value;
  return <textarea id="editor" value={value} onChange={(e) => setValue(e.target.value)} />;
}

createRoot(/** @type {HTMLElement} */ (document.getElementById('root'))).render(<Reply />);
exposeEditor({
  modelText: () => current,
  content: () => document.getElementById('editor'),
  // React state does not hold the selection; the textarea does.
  selection: () => {
    const textarea = /** @type {HTMLTextAreaElement | null} */ (document.getElementById('editor'));
    return textarea && { start: textarea.selectionStart, end: textarea.selectionEnd };
  },
});
