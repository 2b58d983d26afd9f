package org.brainj.launcher.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.Test;

/** The SAX parser the platform names for Declarative Services is the one the JAXP lookup would find anyway. */
class JdkXmlParserTest {
    @Test
    void theNamedParserIsTheJdksOwnAndTheLookupsResult() {
        assertEquals(Platform.JDK_SAX_PARSER_FACTORY, SAXParserFactory.newDefaultInstance().getClass().getName());
        String given = System.clearProperty(Platform.SAX_PARSER_FACTORY);
        try {
            assertEquals(Platform.JDK_SAX_PARSER_FACTORY, SAXParserFactory.newInstance().getClass().getName(),
                    "a jar on the classpath offers another SAX parser: naming the JDK's would change which one runs");
            Platform.useJdkXmlParser();
            assertEquals(Platform.JDK_SAX_PARSER_FACTORY, SAXParserFactory.newInstance().getClass().getName());
        } finally {
            if (given == null) {
                System.clearProperty(Platform.SAX_PARSER_FACTORY);
            } else {
                System.setProperty(Platform.SAX_PARSER_FACTORY, given);
            }
        }
    }
}
