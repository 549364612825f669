import { Component, type ErrorInfo, type ReactNode } from 'react';
import { UnavailableNotice } from './unavailable-notice';

/** Props of {@link RemoteBoundary}. */
export interface RemoteBoundaryProps {
  /** Shown when the remote failed, e.g. `文广旅模块暂时无法加载`. */
  title: string;
  /**
   * Called by 重试 before the boundary renders its children again; the owner uses it to load the
   * remote afresh (a failed `loadRemote` is not retried by rendering the same lazy component).
   */
  onRetry?: () => void;
  /** `data-testid` of the fallback. */
  testId?: string;
  children: ReactNode;
}

interface RemoteBoundaryState {
  error: Error | null;
}

/**
 * Error boundary around one microfrontend: when its server is down or its code throws, only that
 * part of the page shows a fallback with 重试; the rest of the page keeps working.
 */
export class RemoteBoundary extends Component<RemoteBoundaryProps, RemoteBoundaryState> {
  override state: RemoteBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): RemoteBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for operators: the UI only shows the Chinese fallback.
    console.error(`[RemoteBoundary] ${this.props.title}`, error, info.componentStack);
  }

  private readonly retry = (): void => {
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  override render(): ReactNode {
    if (this.state.error) {
      return <UnavailableNotice title={this.props.title} onRetry={this.retry} testId={this.props.testId} />;
    }
    return this.props.children;
  }
}
