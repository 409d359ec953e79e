package dev.lightningdb.tck.mybatis;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** A mapper written with annotations only, the other way MyBatis users declare SQL. */
public interface AuthorMapper {
    @Insert("INSERT INTO author (name, born, active) VALUES (#{name}, #{born}, #{active})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insert(Author author);

    @Select("SELECT id, name, born, active FROM author WHERE id = #{id}")
    Author find(long id);

    @Select("""
            <script>
              SELECT id, name, born, active FROM author
              <where>
                <if test="prefix != null"><bind name="pattern" value="prefix + '%'"/>name LIKE #{pattern}</if>
              </where>
              ORDER BY name
            </script>""")
    List<Author> findByPrefix(String prefix);

    /** MySQL-style CONCAT around the parameter, the other common way MyBatis users build a LIKE pattern. */
    @Select("SELECT id, name, born, active FROM author WHERE LOWER(name) LIKE CONCAT('%', LOWER(#{part}), '%') ORDER BY name")
    List<Author> findByNameContaining(String part);

    @Update("UPDATE author SET active = #{active} WHERE id = #{id}")
    int setActive(@Param("id") long id, @Param("active") boolean active);

    @Delete("DELETE FROM author WHERE id = #{id}")
    int delete(long id);
}
