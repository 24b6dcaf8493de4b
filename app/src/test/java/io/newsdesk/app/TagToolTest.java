package io.newsdesk.app;

import static io.newsdesk.app.Api.await;
import static io.newsdesk.app.Api.put;
import static io.newsdesk.app.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tag tool on the real embedder, index and PostgreSQL: sections from the newsroom's taxonomy, tags from the archive. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class TagToolTest {

    static final String[] SPORT = {
        "The striker scored twice in the second half as the home side won the derby three goals to one.",
        "The captain was sent off after a late tackle and the club will appeal against the red card.",
        "After a five-set final the champion lifted the trophy on centre court in front of a full stadium.",
        "The coach named an unchanged team for the cup semi-final against the league leaders on Saturday.",
    };
    static final String[] FOOD = {
        "Roast the squash with garlic and rosemary, then stir it through the risotto with a knob of butter.",
        "The chef's new restaurant serves a seven-course tasting menu built around seasonal vegetables.",
        "Knead the dough for ten minutes, leave it to prove overnight and bake the loaf in a hot oven.",
        "A guide to the city's best market stalls for dumplings, noodles and street food on a budget.",
    };

    private final String suffix = uniqueId("t").substring(2);
    private final String sport = "sport-" + suffix;
    private final String food = "food-" + suffix;
    private final String weather = "weather-" + suffix;

    @AfterEach
    void removeTheTaxonomy() {
        for (String section : List.of(sport, food, weather)) {
            given().delete("/api/editor/taxonomy/" + section);
        }
    }

    @Test
    void suggestsTheSectionAndTheArchiveTagsForAText() {
        describe(sport, "Sport", "football, tennis, matches, goals, players, clubs and coaches").statusCode(201);
        describe(food, "Food", "recipes, cooking, restaurants, chefs and eating out").statusCode(201);
        List<String> sportIds = new java.util.ArrayList<>();
        for (int i = 0; i < SPORT.length; i++) {
            sportIds.add(uniqueId("tag-sport"));
            put(sportIds.get(i), Map.of("title", "Match report " + i, "section", sport, "body", SPORT[i],
                    "tags", i < 3 ? List.of("football-" + suffix, "results") : List.of("tennis-" + suffix))).then().statusCode(201);
            put(uniqueId("tag-food"), Map.of("title", "Kitchen notes " + i, "section", food, "body", FOOD[i],
                    "tags", List.of("recipes-" + suffix))).then().statusCode(201);
        }
        String text = "The defender headed in a corner in stoppage time and the team climbed to second in the league table.";
        await("the eight articles are indexed and learnt from", () -> tags(Map.of("text", text)).getInt("examples") >= 8);

        JsonPath answer = tags(Map.of("text", text, "count", 2));
        assertThat(answer.getString("engine")).startsWith("sections(");
        assertThat(answer.getString("taxonomy")).isEqualTo("written");
        assertThat(answer.getString("section.name")).isEqualTo(sport);
        assertThat(answer.getString("section.label")).isEqualTo("Sport");
        assertThat(answer.getList("sections.score", Float.class)).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(answer.getList("tags.tag", String.class)).hasSizeLessThanOrEqualTo(2).contains("football-" + suffix)
                .doesNotContain("recipes-" + suffix);
        assertThat(answer.getString("similar[0].section")).as("the most similar filed article, as evidence").isEqualTo(sport);
        assertThat(answer.getString("similar[0].title")).startsWith("Match report");
        assertThat(answer.getList("similar.similarity", Float.class)).isSortedAccordingTo((a, b) -> Float.compare(b, a));

        JsonPath byId = tags(Map.of("articleId", sportIds.get(0)));
        assertThat(byId.getList("similar.articleId", String.class)).as("an article is not its own neighbour")
                .isNotEmpty().doesNotContain(sportIds.get(0));
        assertThat(byId.getString("section.name")).isEqualTo(sport);

        assertThat(tags(Map.of("text", "Whisk the eggs with sugar, fold in the flour and bake the sponge for twenty minutes."))
                .getString("section.name")).isEqualTo(food);

        // a section editors describe before any article is filed in it can be chosen at once
        describe(weather, "Weather", "forecasts, storms, heavy rain, snow, floods, heatwaves and wind warnings").statusCode(201);
        assertThat(tags(Map.of("text", "Forecasters warn of heavy rain and gales as the storm reaches the coast tonight."))
                .getString("section.name")).isEqualTo(weather);
    }

    @Test
    void theTaxonomyIsEditableAndBadInputChangesNothing() {
        describe(sport, "Sport", "football and tennis").statusCode(201).body("label", equalTo("Sport"));
        describe(sport, "Sports", "football, tennis and cricket").statusCode(200).body("description", equalTo("football, tennis and cricket"));
        given().get("/api/editor/taxonomy/" + sport).then().statusCode(200).body("label", equalTo("Sports"));
        JsonPath all = given().get("/api/editor/taxonomy").then().statusCode(200).extract().jsonPath();
        assertThat(all.getBoolean("written")).isTrue();
        assertThat(all.getList("sections.name", String.class)).contains(sport);

        given().contentType(ContentType.JSON).body(Map.of("label", "Bad", "description", "x")).put("/api/editor/taxonomy/Bad Name")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("label", "No description")).put("/api/editor/taxonomy/" + food)
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("label", "Long", "description", "x".repeat(1001)))
                .put("/api/editor/taxonomy/" + food).then().statusCode(400);
        given().get("/api/editor/taxonomy/" + food).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/editor/taxonomy/" + sport).then().statusCode(200).body("label", equalTo("Sports"));

        given().contentType(ContentType.JSON).body(Map.of("text", "x", "articleId", "y")).post("/api/editor/tags").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("text", "A text", "count", 21)).post("/api/editor/tags").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("articleId", uniqueId("none"))).post("/api/editor/tags").then().statusCode(404);

        given().delete("/api/editor/taxonomy/" + sport).then().statusCode(204);
        given().delete("/api/editor/taxonomy/" + sport).then().statusCode(404);
    }

    private io.restassured.response.ValidatableResponse describe(String name, String label, String description) {
        return given().contentType(ContentType.JSON).body(Map.of("label", label, "description", description))
                .put("/api/editor/taxonomy/" + name).then();
    }

    private static JsonPath tags(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/editor/tags").then().statusCode(200).extract().jsonPath();
    }
}
