import { useState } from 'react';
import { TextField, type TextFieldProps } from './TextField.js';

/** A password input whose text can be shown, so nobody needs a "confirm password" field. */
export function PasswordField(props: Omit<TextFieldProps, 'type' | 'addon' | 'addonInset'>) {
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      spellCheck={false}
      autoCapitalize="off"
      addonInset
      addon={
        <button
          type="button"
          className="btn btn-ghost btn-sm field-addon"
          onClick={() => setVisible((v) => !v)}
        >
          {visible ? 'Hide' : 'Show'}
          <span className="visually-hidden"> {props.label.toLowerCase()}</span>
        </button>
      }
    />
  );
}
