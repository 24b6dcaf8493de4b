package io.newsdesk.core.ml;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the language models compute ({@code newsdesk.device}): {@code auto} takes the first GPU when DJL's PyTorch
 * engine sees one and the CPU otherwise; {@code cpu}; {@code gpu} or {@code gpu:N} insist on a GPU.
 */
public final class ComputeDevice {

    public static final String KEY = "newsdesk.device";
    private static final Pattern SETTING = Pattern.compile("auto|cpu|gpu(?::(\\d{1,2}))?");

    private ComputeDevice() {
    }

    /** The device {@code setting} names on this machine. */
    public static Device choose(String setting) {
        checkForm(setting);
        DjlOffline.enforce();
        return choose(setting, Engine.getEngine("PyTorch").getGpuCount());
    }

    /**
     * The device {@code setting} names when the engine sees {@code gpus} GPUs.
     *
     * @throws IllegalArgumentException when the setting is not one of the forms above, or names a GPU there is not
     */
    static Device choose(String setting, int gpus) {
        Matcher m = parse(setting);
        if (m.group().equals("cpu")) {
            return Device.cpu();
        }
        if (m.group().equals("auto")) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        int index = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        if (index >= gpus) {
            throw new IllegalArgumentException(KEY + "=" + setting.strip() + " but DJL's PyTorch engine sees " + gpus
                    + " GPU(s): its native library is the CPU build, or no CUDA device is visible; set auto or cpu");
        }
        return Device.gpu(index);
    }

    /** Refuses a setting that is not one of the forms above, without loading an engine. */
    public static void checkForm(String setting) {
        parse(setting);
    }

    private static Matcher parse(String setting) {
        Matcher m = SETTING.matcher(setting == null ? "" : setting.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(KEY + "=" + setting + " is not auto, cpu, gpu or gpu:N");
        }
        return m;
    }
}
