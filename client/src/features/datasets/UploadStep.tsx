import { useEffect, useId, useRef, useState } from 'react';
import type { ImportDto } from '@bullseye/shared';
import { ProgressBar } from './ProgressBar.js';
import {
  ACCEPT_ATTRIBUTE,
  formatBytes,
  formatSpeed,
  formatTimeLeft,
  percentOf,
  resumeFileProblem,
} from './format.js';
import { uploads, type UploadState } from './uploads.js';

interface UploadStepProps {
  imp: ImportDto;
  /** The upload this browser runs for the import (null after a reload, or on someone else's screen). */
  upload: UploadState | null;
  canManage: boolean;
  /** The person who started the import, as the reader should read it ("you", "Ana"). */
  starter: string;
  startedByMe: boolean;
}

/** The file on its way to the server: progress from this browser, or resuming after a reload. */
export function UploadStep({ imp, upload, canManage, starter, startedByMe }: UploadStepProps) {
  const moving = useMoving(imp.receivedBytes);
  const sending = upload && upload.phase !== 'aborted';

  if (sending) return <LocalUpload imp={imp} upload={upload} />;

  const percent = percentOf(imp.receivedBytes, imp.fileBytes);
  const amounts = `${formatBytes(imp.receivedBytes)} of ${formatBytes(imp.fileBytes)}`;
  if (imp.receivedBytes >= imp.fileBytes) {
    return (
      <div className="ds-step-body">
        <ProgressBar label="Upload" value={100} text="File received" />
        <p className="ds-progress-text">File received. Reading its columns…</p>
      </div>
    );
  }
  if (moving || !canManage) {
    return (
      <div className="ds-step-body">
        <ProgressBar label="Upload" value={percent} text={`${percent}%, ${amounts}`} />
        <p className="ds-progress-text">
          <strong>{percent}%</strong> · {amounts}
          {moving
            ? startedByMe
              ? ' · sent from another tab or window'
              : ` · ${starter} is sending the file`
            : ` · waiting for ${starter} to send the rest of the file`}
        </p>
      </div>
    );
  }
  return <ResumeUpload imp={imp} percent={percent} starter={startedByMe ? null : starter} />;
}

function LocalUpload({ imp, upload }: { imp: ImportDto; upload: UploadState }) {
  const percent = percentOf(upload.sentBytes, upload.fileBytes);
  const done = upload.sentBytes >= upload.fileBytes;
  const amounts = `${formatBytes(upload.sentBytes)} of ${formatBytes(upload.fileBytes)}`;
  const timeLeft = formatTimeLeft(upload.secondsLeft);
  const details = [
    amounts,
    upload.bytesPerSecond ? formatSpeed(upload.bytesPerSecond) : null,
    !done ? timeLeft : null,
  ].filter(Boolean);
  return (
    <div className="ds-step-body">
      <ProgressBar
        label="Upload"
        value={done && imp.state === 'uploading' ? null : percent}
        text={`${percent}%, ${details.join(', ')}`}
      />
      <p className="ds-progress-text">
        {done ? (
          'File sent. Reading its columns…'
        ) : (
          <>
            <strong>{percent}%</strong> · {details.join(' · ')}
          </>
        )}
      </p>
      {upload.phase === 'retrying' && (
        <p className="field-warning" role="status">
          {upload.message}
        </p>
      )}
      {upload.phase === 'failed' && (
        <div className="form-error ds-upload-failed" role="alert">
          <span>The upload stopped: {upload.message}</span>
          <button type="button" className="btn btn-sm" onClick={() => uploads.retry(imp.id)}>
            Try again
          </button>
        </div>
      )}
      {upload.phase !== 'failed' && !done && (
        <p className="muted small ds-keep-open">
          Keep this tab open until the file is sent; you can use the rest of Bullseye meanwhile.
        </p>
      )}
    </div>
  );
}

/** After a reload the File is gone: the same file, chosen again, continues where the server stopped. */
function ResumeUpload({
  imp,
  percent,
  starter,
}: {
  imp: ImportDto;
  percent: number;
  starter: string | null;
}) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [problem, setProblem] = useState<string | null>(null);

  function choose(file: File | null) {
    if (!file) return;
    const why = resumeFileProblem(file, imp);
    setProblem(why);
    if (!why) uploads.start(imp.id, file, imp.receivedBytes);
  }

  return (
    <div className="ds-step-body">
      <ProgressBar label="Upload" value={percent} text={`Paused at ${percent}%`} />
      <p className="ds-paused">
        <strong>Upload paused at {percent}%</strong> — choose the same file to continue.
        {starter && <span className="muted"> {starter} started this upload from their browser.</span>}
      </p>
      <div className="field ds-resume">
        <label htmlFor={inputId} className="field-label">
          Same file to continue the upload
        </label>
        <input
          id={inputId}
          type="file"
          className="ds-file-input"
          accept={ACCEPT_ATTRIBUTE}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${hintId}${problem ? ` ${errorId}` : ''}`}
          onChange={(e) => {
            choose(e.target.files?.[0] ?? null);
            e.target.value = '';
          }}
        />
        <p id={hintId} className="field-hint">
          “{imp.fileName}”, {formatBytes(imp.fileBytes)}. {formatBytes(imp.receivedBytes)} are already on the
          server.
        </p>
        {problem && (
          <p id={errorId} className="field-error" role="alert">
            {problem}
          </p>
        )}
      </div>
    </div>
  );
}

/** Whether `value` changed within the last few seconds (someone is sending from elsewhere). */
function useMoving(value: number, windowMs = 5000): boolean {
  const last = useRef(value);
  const [moving, setMoving] = useState(false);
  useEffect(() => {
    if (value === last.current) return;
    last.current = value;
    setMoving(true);
    const timer = setTimeout(() => setMoving(false), windowMs);
    return () => clearTimeout(timer);
  }, [value, windowMs]);
  return moving;
}
