package io.kinefold.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A saved model: a zip of two entries, {@value #INFO_ENTRY} (the sidecar, {@link ModelInfo}) and
 * {@value #PARAMS_ENTRY} (the network's parameters in its own order as little-endian IEEE 754
 * floats, {@code model.Net#writeParams}). The sidecar is also written beside the zip, named as
 * {@link #sidecarPath} says, for reading without unzipping; a reader uses only the one inside.
 *
 * @param params the bytes of {@value #PARAMS_ENTRY}
 */
public record ModelFile(ModelInfo info, byte[] params) {
    /** The format this version writes and the only one it reads. */
    public static final String FORMAT = "kinefold-model/1";
    public static final String INFO_ENTRY = "model.json";
    public static final String PARAMS_ENTRY = "params.f32";
    public static final String PARAMS_ENCODING = "float32, little-endian, in the network's parameter order";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // A later writer of the same format may add fields; they are not needed to read this one.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Where the sidecar copy of a model file lies: {@code model.zip} → {@code model.json}, {@code best} → {@code best.json}. */
    public static Path sidecarPath(Path zip) {
        String name = zip.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        return zip.resolveSibling(base + ".json");
    }

    /** The sidecar as written, in the zip and beside it. */
    public byte[] sidecar() {
        try {
            return (MAPPER.writeValueAsString(info) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the model's sidecar: " + e.getOriginalMessage(), e);
        }
    }

    /** The whole zip. */
    public byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(params.length + 8192);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, INFO_ENTRY, sidecar());
            put(zip, PARAMS_ENTRY, params);
        } catch (IOException e) {
            throw new IllegalStateException("cannot zip in memory", e);
        }
        return bytes.toByteArray();
    }

    private void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        // The time of the model, not of the write: the same model zips to the same bytes.
        entry.setTime(java.time.Instant.parse(info.created()).toEpochMilli());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * Reads a model file, checking its format and that its parameters are whole.
     *
     * @throws ModelFileException naming the file: missing, not a zip, not a model, a format this
     *     version cannot read, or damaged parameters
     */
    public static ModelFile read(Path file) throws ModelFileException {
        if (!Files.exists(file)) {
            throw new ModelFileException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file + ": not a Kinefold model file (not a regular file)");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry infoEntry = zip.getEntry(INFO_ENTRY);
            ZipEntry paramsEntry = zip.getEntry(PARAMS_ENTRY);
            if (infoEntry == null || paramsEntry == null) {
                throw new ModelFileException(file + ": not a Kinefold model file (a zip without "
                        + (infoEntry == null ? INFO_ENTRY : PARAMS_ENTRY) + ")");
            }
            JsonNode tree;
            try (InputStream in = zip.getInputStream(infoEntry)) {
                tree = MAPPER.readTree(in);
            }
            String format = tree.path("format").asText(null);
            if (!FORMAT.equals(format)) {
                String writer = tree.path("kinefoldVersion").asText("an unknown version");
                throw new ModelFileException(file + ": a model of format " + (format == null ? "(none)" : format)
                        + ", written by Kinefold " + writer + "; this Kinefold (" + io.kinefold.monitor.AppInfo.version()
                        + ") reads only " + FORMAT);
            }
            ModelInfo info = MAPPER.treeToValue(tree, ModelInfo.class);
            byte[] params;
            try (InputStream in = zip.getInputStream(paramsEntry)) {
                params = in.readAllBytes();
            }
            if (params.length != info.parameters() * Float.BYTES) {
                throw new ModelFileException(file + ": damaged: " + PARAMS_ENTRY + " holds " + params.length
                        + " bytes, the sidecar says " + info.parameters() + " parameters (" + info.parameters() * Float.BYTES + " bytes)");
            }
            if (info.parametersSha256() != null && !info.parametersSha256().equals(sha256(params))) {
                throw new ModelFileException(file + ": damaged: " + PARAMS_ENTRY + " does not match the checksum in " + INFO_ENTRY);
            }
            return new ModelFile(info, params);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file + ": no such file", e);
        } catch (ZipException e) {
            throw new ModelFileException(file + ": not a Kinefold model file (not a zip: " + e.getMessage() + ")", e);
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file + ": not a Kinefold model file (" + INFO_ENTRY + ": " + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new ModelFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
