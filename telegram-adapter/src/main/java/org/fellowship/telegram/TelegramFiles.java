package org.fellowship.telegram;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.outbound.OutboundFile;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.fellowship.telegram.TelegramApiCalls.CountedSend;
import org.fellowship.telegram.TelegramErrors.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Files for {@link TelegramGateway}: a message with a file goes out as a multipart {@code sendDocument} (the text as
 * its HTML caption), and a member's document is fetched with {@code getFile} and the file URL, size-capped.
 *
 * <p><b>Threading:</b> thread-safe. <b>Failure:</b> {@link GatewayException} only.
 */
final class TelegramFiles {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramFiles.class);

    private final TelegramConfig config;
    private final TelegramApiCalls calls;
    private volatile OkHttpClient downloadClient;

    TelegramFiles(TelegramConfig config, TelegramApiCalls calls) {
        this.config = Objects.requireNonNull(config, "config");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /** {@code sendDocument} (multipart): the file with the text as its HTML caption, buttons and reply as usual. */
    MessageRef upload(OutboundMessage message) {
        String chatId = TelegramIds.chatId(message.to());
        OutboundFile file = message.file();
        SendDocument.SendDocumentBuilder<?, ?> b = SendDocument.builder()
                .chatId(chatId)
                .document(new InputFile(new ByteArrayInputStream(file.bytes()), file.fileName()))
                .messageThreadId(TelegramIds.threadId(message.to()));
        if (!message.text().isBlank()) {
            b.caption(TelegramHtml.render(message.text(), message.style())).parseMode(TelegramHtml.PARSE_MODE);
        }
        if (message.hasButtons()) {
            b.replyMarkup(TelegramMessageParts.keyboard(message.buttonRows()));
        }
        ReplyParameters replyTo = TelegramMessageParts.replyTo(message, chatId);
        if (replyTo != null) {
            b.replyParameters(replyTo);
        }
        CountedSend counted = CountedSend.to(chatId, message.priority());
        SendDocument request = b.build();
        // the library runs multipart methods through another execute overload; limits and retries are the same
        Message sent = calls.execute("sendDocument", counted.sendOperation(),
                () -> calls.client().execute(request), counted);
        LOG.debug("sendDocument to {}: {} bytes", chatId, file.size());
        return new MessageRef(message.to(), sent.getMessageId().toString());
    }

    /**
     * Fetches a document a member sent: {@code getFile}, then a GET of {@code <api>/file/bot<token>/<file_path>} over
     * the gateway's OkHttp client (the library's own download ignores a custom API URL), reading at most
     * {@code maxBytes}. Bots may download files of up to 20 MB; Telegram gives larger ones no path.
     */
    byte[] download(Attachment attachment, long maxBytes) {
        if (attachment.knownLargerThan(maxBytes)) {
            throw tooLarge(maxBytes);
        }
        org.telegram.telegrambots.meta.api.objects.File file = calls.call("getFile", Operation.OTHER,
                GetFile.builder().fileId(attachment.platformFileRef()).build());
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (file.getFilePath() == null || file.getFilePath().isBlank()) {
            throw new GatewayException(Reason.NOT_FOUND, "getFile gave no file path (bots cannot download files "
                    + "over 20 MB)");
        }
        HttpUrl url = new HttpUrl.Builder().scheme(config.apiUrl().getScheme()).host(config.apiUrl().getHost())
                .port(config.port()).addPathSegment("file").addPathSegment("bot" + config.token())
                .addPathSegments(file.getFilePath()).build();
        Request request = new Request.Builder().url(url).get().build();
        // Never log the URL: it carries the token.
        try (Response response = downloads().newCall(request).execute()) {
            if (response.code() == 404) {
                throw new GatewayException(Reason.NOT_FOUND, "file download answered HTTP 404");
            }
            if (!response.isSuccessful() || response.body() == null) {
                throw new GatewayException(Reason.UNAVAILABLE, "file download answered HTTP " + response.code());
            }
            long declared = response.body().contentLength();
            if (declared > maxBytes) {
                throw tooLarge(maxBytes);
            }
            try (InputStream in = response.body().byteStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new GatewayException(Reason.UNAVAILABLE, "file download failed: " + e.getClass().getSimpleName());
        }
    }

    private OkHttpClient downloads() {
        OkHttpClient client = downloadClient;
        if (client == null) {
            // shares the dispatcher and pool (released with the gateway); bounds the whole transfer, follows no redirect
            client = calls.http().newBuilder().callTimeout(config.requestTimeout().multipliedBy(2))
                    .followRedirects(false).followSslRedirects(false).build();
            downloadClient = client;
        }
        return client;
    }

    private static GatewayException tooLarge(long maxBytes) {
        return new GatewayException(Reason.TOO_LARGE, "file larger than " + maxBytes + " bytes");
    }
}
