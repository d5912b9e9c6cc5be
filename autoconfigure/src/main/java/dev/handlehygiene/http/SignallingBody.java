package dev.handlehygiene.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A response body that runs an action once it is closed, for the wrappers that must know
 * when a body ends (the tracking, the read deadline). Bulk reads go straight to the
 * client's stream, as they would without the wrapper: {@link FilterInputStream} would
 * make them loops over {@code read(byte[])} through a buffer of their own (8 KB per
 * {@code readAllBytes}).
 */
final class SignallingBody extends FilterInputStream {

	private final Runnable onClose;

	/**
	 * @param in the client's body
	 * @param onClose run when the body is closed, just before the client's body is; what
	 * it holds, the body holds
	 */
	SignallingBody(InputStream in, Runnable onClose) {
		super(in);
		this.onClose = onClose;
	}

	@Override
	public byte[] readAllBytes() throws IOException {
		return this.in.readAllBytes();
	}

	@Override
	public byte[] readNBytes(int length) throws IOException {
		return this.in.readNBytes(length);
	}

	@Override
	public int readNBytes(byte[] buffer, int offset, int length) throws IOException {
		return this.in.readNBytes(buffer, offset, length);
	}

	@Override
	public long transferTo(OutputStream out) throws IOException {
		return this.in.transferTo(out);
	}

	@Override
	public void close() throws IOException {
		try {
			this.onClose.run();
		}
		finally {
			super.close();
		}
	}

}
