import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

interface ToastMessage {
  id: number;
  text: string;
  action?: { label: string; run: () => void };
  tone: 'info' | 'error';
}

type ShowToast = (
  text: string,
  options?: { action?: ToastMessage['action']; tone?: ToastMessage['tone'] },
) => void;

const ToastContext = createContext<ShowToast>(() => {});

/** Short notices at the bottom of the screen, with an optional action such as Undo. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const nextId = useRef(1);
  const show = useCallback<ShowToast>((text, options = {}) => {
    const id = nextId.current++;
    setToasts((list) => [
      ...list.slice(-2),
      { id, text, action: options.action, tone: options.tone ?? 'info' },
    ]);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <Toast key={toast.id} toast={toast} onDone={() => dismiss(toast.id)} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function Toast({ toast, onDone }: { toast: ToastMessage; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, toast.action ? 8000 : 5000);
    return () => clearTimeout(timer);
  }, [toast, onDone]);
  return (
    <div className={`toast toast-${toast.tone}`}>
      <span>{toast.text}</span>
      {toast.action && (
        <button
          type="button"
          className="btn-link"
          onClick={() => {
            toast.action?.run();
            onDone();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast-close" aria-label="Dismiss" onClick={onDone}>
        ×
      </button>
    </div>
  );
}

export function useToast(): ShowToast {
  return useContext(ToastContext);
}
