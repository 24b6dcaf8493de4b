package io.newsdesk.core.content;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A picture that belongs to an article; the service stores the reference, not the image. */
@Schema(description = "An image reference: where the picture is and how to caption it.")
public record ImageRef(
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        @Schema(example = "https://cdn.example.org/img/rail-strike.jpg") String url,
        @Size(max = 1000) String caption,
        @Size(max = 200) String credit,
        @Size(max = 500) String alt,
        @Min(1) @Max(100_000) Integer width,
        @Min(1) @Max(100_000) Integer height) {
}
